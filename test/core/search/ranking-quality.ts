import type { SearchEngine } from '../../../src/core/search/search-types.js';
import type { Judged } from './ranking-qrels.js';

export interface QueryQuality {
  query: string;
  recall: number;
  ndcg: number;
}

/** recall@k and nDCG@k (gain 2^grade - 1) of one judged query against the engine's first page of k hits. */
export function judgeQuery(engine: SearchEngine, judged: Judged, k: number): QueryQuality {
  const result = engine.search(judged.query, { limit: k });
  if (!result.ok) throw new Error(`${judged.query}: ${result.problem.message}`);
  const keys = result.hits.map((hit) => `${hit.docId.slice(0, 3)}:${hit.paragraph}`);
  const grades = Object.values(judged.relevant);
  const gain = (grade: number) => 2 ** grade - 1;
  const found = keys.filter((key) => judged.relevant[key] !== undefined).length;
  const dcg = keys.reduce((sum, key, rank) => sum + gain(judged.relevant[key] ?? 0) / Math.log2(rank + 2), 0);
  const ideal = [...grades]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, rank) => sum + gain(grade) / Math.log2(rank + 2), 0);
  return { query: judged.query, recall: found / Math.min(grades.length, k), ndcg: ideal > 0 ? dcg / ideal : 0 };
}

/** Mean recall@k and nDCG@k over a judged set. */
export function judgeAll(engine: SearchEngine, set: readonly Judged[], k: number): { recall: number; ndcg: number; each: QueryQuality[] } {
  const each = set.map((judged) => judgeQuery(engine, judged, k));
  const mean = (pick: (q: QueryQuality) => number) => each.reduce((sum, q) => sum + pick(q), 0) / each.length;
  return { recall: mean((q) => q.recall), ndcg: mean((q) => q.ndcg), each };
}
