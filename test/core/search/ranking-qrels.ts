/**
 * Relevance judgements for the ranking test set, written by hand from the five seed readouts.
 * Each query lists the passages a reader would want, as `<document prefix>:<0-based paragraph>`, with a
 * grade: 2 = answers the query, 1 = relevant. A third of the queries are misspelled on purpose.
 */
export interface Judged {
  query: string;
  relevant: Record<string, 1 | 2>;
}

export const RANKING_QRELS: Judged[] = [
  { query: 'Forum on China-Africa Cooperation', relevant: { '000:11': 2, '000:6': 2, '001:4': 2 } },
  {
    query: 'belt and road',
    relevant: { '000:3': 2, '000:9': 2, '000:13': 2, '001:1': 2, '002:2': 2, '003:5': 2, '003:6': 2, '004:7': 2 },
  },
  { query: '"Belt and Road Initiative"', relevant: { '000:13': 2, '001:1': 2, '002:2': 2, '003:5': 2 } },
  {
    query: 'Kazakstan',
    relevant: { '002:0': 1, '002:1': 1, '002:2': 1, '003:0': 1, '003:2': 1, '004:0': 1, '004:2': 1, '004:4': 1 },
  },
  { query: 'Mombasa-Nairobi Railway', relevant: { '000:9': 2 } },
  { query: 'Kenia railway', relevant: { '000:9': 2 } },
  { query: 'railway', relevant: { '000:9': 2, '004:7': 2 } },
  { query: 'visa exemption', relevant: { '002:2': 2, '002:4': 2 } },
  { query: 'visa exemtion', relevant: { '002:2': 2, '002:4': 2 } },
  {
    query: '"shared future"',
    relevant: { '000:0': 1, '000:1': 1, '000:10': 1, '000:14': 1, '001:4': 1, '002:1': 1, '004:3': 1 },
  },
  { query: 'terrorism separatism extremism', relevant: { '004:8': 2 } },
  { query: 'terorism seperatism', relevant: { '004:8': 2 } },
  { query: 'tariff trade wars', relevant: { '000:7': 2, '000:12': 2 } },
  { query: 'trade wars', relevant: { '000:7': 2, '000:12': 2 } },
  {
    query: 'Tokaev',
    relevant: { '002:0': 1, '002:4': 2, '003:8': 1, '003:10': 1, '003:11': 1, '003:12': 1, '004:1': 1 },
  },
  { query: 'Omammo', relevant: { '001:0': 2, '001:1': 2 } },
  {
    query: 'Ruto',
    relevant: { '000:0': 1, '000:8': 2, '000:9': 2, '000:11': 2, '000:12': 2, '000:15': 1, '000:16': 1 },
  },
  { query: 'one-China policy Taiwan', relevant: { '000:8': 2 } },
  { query: 'Taiwn', relevant: { '000:8': 2 } },
  { query: 'Silk Road', relevant: { '003:3': 2, '003:5': 2 } },
  { query: 'ancient Silk Road', relevant: { '003:3': 2, '003:5': 1 } },
  { query: 'Shanghai Cooperation Organization', relevant: { '003:1': 2, '004:12': 2, '003:9': 1 } },
  { query: 'Shangai Cooperaton Organisation', relevant: { '003:1': 2, '004:12': 2, '003:9': 1 } },
  { query: 'Luban Workshop', relevant: { '002:2': 2 } },
  { query: 'Luban Worshop', relevant: { '002:2': 2 } },
  { query: 'Global South', relevant: { '000:1': 2, '000:5': 2, '000:6': 2, '000:12': 2 } },
  { query: 'Global Soutth', relevant: { '000:1': 2, '000:5': 2, '000:6': 2, '000:12': 2 } },
  { query: 'United Nations international system', relevant: { '000:5': 2, '004:10': 2 } },
  { query: 'mulilateralism', relevant: { '000:5': 2, '004:10': 2 } },
  {
    query: 'China-Central Asia Summit',
    relevant: { '002:0': 2, '002:3': 2, '002:4': 2, '004:1': 2, '004:11': 2 },
  },
  {
    query: 'Central Asia sumit',
    relevant: { '002:0': 2, '002:3': 2, '002:4': 2, '004:1': 2, '004:11': 2 },
  },
  { query: 'welcoming banquet', relevant: { '000:16': 2, '000:15': 1 } },
  { query: 'Great Hall of the People', relevant: { '000:15': 2, '000:16': 2 } },
  { query: 'Peng Liyuan', relevant: { '000:15': 2, '000:16': 1 } },
  { query: 'infrastructure', relevant: { '000:9': 1, '000:10': 1, '001:3': 1, '004:7': 1 } },
  { query: 'infrastucture', relevant: { '000:9': 1, '000:10': 1, '001:3': 1, '004:7': 1 } },
  { query: 'disaster prevention mitigation', relevant: { '004:8': 2, '000:9': 1 } },
  { query: 'law enforcement defense exchanges', relevant: { '004:8': 2 } },
  { query: 'tourism year', relevant: { '004:9': 2, '002:2': 2, '000:10': 1, '002:4': 1 } },
  { query: 'Ode to the Motherland', relevant: { '003:11': 2 } },
  { query: 'UN Security Council', relevant: { '001:5': 2 } },
  { query: 'Secrity Councel', relevant: { '001:5': 2 } },
  { query: "Xi'an consulate general", relevant: { '002:2': 2 } },
  { query: 'Astana state visit', relevant: { '003:1': 2, '004:0': 1 } },
  { query: '"Eighth Ministerial Conference"', relevant: { '001:4': 2 } },
  { query: 'Mombassa', relevant: { '001:0': 2, '000:9': 2 } },
  { query: 'soverignty', relevant: { '000:2': 2, '001:2': 2, '002:2': 2 } },
];
