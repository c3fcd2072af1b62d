export {
  type DigestScheduler,
  type DigestSchedulerDeps,
  type ScheduleWakeUp,
  startDigestScheduler,
  toCronLogger,
} from './start-digest-scheduler.js';
