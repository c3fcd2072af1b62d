/** The fixed query mix of the benchmark: the same queries for readout and for the fuse.js scan. */
export interface BenchQuery {
  kind: 'exact' | 'misspelled' | 'multi-word' | 'filtered';
  text: string;
  /** The words the fuse.js scan searches for (it has no query language). */
  words: string;
  /** For filtered queries, the metadata test the fuse.js scan applies after scanning. */
  filter?: { key: 'year' | 'person' | 'country' | 'place'; value: string };
}

const q = (kind: BenchQuery['kind'], text: string, words = text, filter?: BenchQuery['filter']): BenchQuery =>
  filter ? { kind, text, words, filter } : { kind, text, words };

export const QUERY_MIX: BenchQuery[] = [
  q('exact', 'jury'),
  q('exact', 'election'),
  q('exact', 'president'),
  q('exact', 'Atlanta'),
  q('exact', 'religion'),
  q('exact', 'baseball'),
  q('misspelled', 'goverment'),
  q('misspelled', 'presidnet'),
  q('misspelled', 'temperture'),
  q('misspelled', 'recieved'),
  q('misspelled', 'procesion'),
  q('misspelled', 'philosphy'),
  q('multi-word', 'foreign policy'),
  q('multi-word', 'city council meeting'),
  q('multi-word', 'nuclear weapons test'),
  q('multi-word', 'the united states government'),
  q('multi-word', '"united states"', 'united states'),
  q('multi-word', 'school board election'),
  q('filtered', 'election year:2019', 'election', { key: 'year', value: '2019' }),
  q('filtered', 'tax country:France', 'tax', { key: 'country', value: 'France' }),
  q('filtered', 'music person:novak', 'music', { key: 'person', value: 'Sara Novak' }),
  q('filtered', 'church place:cairo', 'church', { key: 'place', value: 'Cairo' }),
  q('filtered', 'army from:2018-01-01 to:2019-12-31', 'army', { key: 'year', value: '2018|2019' }),
  q('filtered', 'goverment year:2021', 'goverment', { key: 'year', value: '2021' }),
];
