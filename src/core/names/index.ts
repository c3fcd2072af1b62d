export { compileMentionFinder, findMentions, type Mention, type MentionFinder } from './find-mentions.js';
export { emptyGazetteer, gazetteerSchema } from './gazetteer-schema.js';
export { type GazetteerRead, loadGazetteer, PEOPLE_FILE, readGazetteer } from './load-gazetteer.js';
