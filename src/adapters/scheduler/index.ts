export { type DigestScheduler, type DigestSchedulerDeps, type ScheduleWakeUp, startDigestScheduler } from './start-digest-scheduler.js';
