-- One row per host a replica is polling feeds of: across replicas, one process talks to a host at a time.
-- The holder renews by claiming again; a lease that ran out goes to the next claimer; a finished poll deletes its row.
CREATE TABLE feed_host_leases (
  host TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  lease_until TIMESTAMPTZ NOT NULL
);
