export {
  type DigestScheduler,
  type DigestSchedulerDeps,
  type DigestSchedulerHealth,
  type ScheduleWakeUp,
  startDigestScheduler,
  toCronLogger,
} from './start-digest-scheduler.js';
