export { countTimeline, MAX_PERIODS } from './count-timeline.js';
export { BAR_COLOR, describeTimeline, drawTimelineSvg, TIMELINE_HEIGHT, TIMELINE_WIDTH } from './draw-timeline-svg.js';
export { renderPng } from './render-png.js';
export { timelineMessages } from './timeline-messages.js';
export { timelineRange } from './timeline-range.js';
export type { Timeline, TimelinePeriod, TimelineUnit } from './timeline-types.js';
