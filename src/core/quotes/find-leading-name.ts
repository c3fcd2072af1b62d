// Capitalised words that open sentences, never a name.
const OPENING_WORDS = new Set(
  (
    'The A An In On At After Before When While This That These Those It He She They We I You But And If As For With By From To Of ' +
    'Last Next Sunday Monday Tuesday Wednesday Thursday Friday Saturday January February March April May June July August ' +
    'September October November December However Meanwhile Still Now Yet So Then Also Indeed Moreover Furthermore Today ' +
    'Yesterday Tonight Later Earlier Instead Otherwise Nevertheless Thus Hence Besides Finally First Second Third Here There ' +
    'Since Until Only Even Just Although Though Because Despite Under Over Through Across Among Between Without Within Against ' +
    'Along Around Near Like Unlike Every Each Some Many Most All Both No Not Once Twice Nor Or Such Another Other'
  ).split(' '),
);
// Words of organisations and places: "City Finance Director Richard J. McConnell" keeps what follows the last one.
const ORGANISATION_WORDS = new Set(
  (
    'County Jury Department Committee Council Court Association House Senate City State University College School Company Co. ' +
    'Inc. Corp. Board Party Club Church Hospital Bank Street Avenue Hotel Airport Republic United Federal National American ' +
    'Democratic Republican Democrats Republicans Navy Army Air Force Police Commission Agency'
  ).split(' '),
);
const NAME_WORD = /^(?:\p{Lu}\p{Ll}[\p{L}'’-]*|\p{Lu}\.|(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Rev|Prof|Capt|Maj|Adm|Jr|Sr|St)\.)$/u;
const MAX_NAME_WORDS = 6;

/**
 * The person-like name that opens a sentence as its subject ("Richard J. Hughes made ...", "City Finance
 * Director Richard J. McConnell indorsed ..."), for people missing from the people table: two to six
 * capitalised words or initials followed by a lower-case word, none of them a function or organisation word.
 */
export function findLeadingName(text: string): string | undefined {
  const words = text.replace(/^[\s\-—–“"‘']+/, '').split(/\s+/);
  // "Martin, who has been in office ...": a surname with a relative clause is a person.
  const first = words[0] ?? '';
  if (words[1] === 'who' && /^\p{Lu}\p{Ll}[\p{L}'’-]*,$/u.test(first) && !OPENING_WORDS.has(first.slice(0, -1))) return first.slice(0, -1);
  let count = 0;
  let appositive = false;
  while (count < words.length && count <= MAX_NAME_WORDS) {
    const word = words[count] ?? '';
    // "Mrs. Peck, later joined by ...": a name may end at the comma that opens an apposition.
    if (count >= 1 && word.endsWith(',') && NAME_WORD.test(word.slice(0, -1))) {
      count++;
      appositive = true;
      break;
    }
    if (!NAME_WORD.test(word)) break;
    count++;
  }
  const next = words[count] ?? '';
  if (count < 2 || count > MAX_NAME_WORDS || (!appositive && !/^\p{Ll}/u.test(next))) return undefined;
  const name = words.slice(0, count).map((word) => word.replace(/,$/, ''));
  if (OPENING_WORDS.has(name[0] ?? '')) return undefined;
  const afterOrganisation = name.slice(name.findLastIndex((word) => ORGANISATION_WORDS.has(word)) + 1);
  return afterOrganisation.length >= 2 ? afterOrganisation.join(' ') : undefined;
}
