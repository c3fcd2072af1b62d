/** Words that take a period but never end a sentence by themselves (case-sensitive, without the final period). */
export const NEVER_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Sr', 'Jr', 'St', 'Mt', 'Ft', 'Gen', 'Col', 'Lt', 'Maj', 'Capt', 'Cmdr', 'Adm', 'Sgt',
  'Sen', 'Rep', 'Gov', 'Pres', 'Amb', 'Hon', 'Rev', 'Fr', 'Msgr', 'Messrs', 'Mme', 'Mlle',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun',
  'No', 'Nos', 'no', 'Vol', 'vol', 'Art', 'art', 'Sec', 'sec', 'Ch', 'ch', 'Fig', 'fig', 'p', 'pp', 'para', 'paras',
  'vs', 'v', 'cf', 'e.g', 'i.e', 'viz', 'approx', 'ca', 'est', 'Inc', 'Ltd', 'Co', 'Corp', 'Bros', 'Dept', 'Univ', 'Assn',
]);

/** Sentence openers that show a dotted acronym ("U.S.") really did end the sentence before them. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'There', 'In', 'On', 'At',
  'But', 'And', 'However', 'Meanwhile', 'Both', 'His', 'Her', 'Their', 'Our', 'Its', 'After', 'Before', 'During', 'When', 'While',
  'As', 'First', 'Second', 'Third', 'Fourth', 'Finally', 'Also', 'Such', 'Last', 'Next',
]);
