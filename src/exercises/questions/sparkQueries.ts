// Which Spark streaming queries are rejected when they start, or accepted with a watermark that changes nothing.
// The verdicts come from the query checker (src/sim/spark/queryCheck.ts); variant 1 asks about the queries of
// data/spark-query-cards.json, other variants about four plans drawn from the scenario's seed.
import { checkQuery, createRng, queryText, windowColumnOf, type QueryStep, type Rng, type StreamingQuery } from '../../sim/index.ts';
import type { RunView } from '../runView.ts';
import type { Option, SetQuestion } from './catalog.ts';
import cards from './data/spark-query-cards.json';
import { drawUntil, pick } from './draw.ts';

interface QueryCard extends StreamingQuery { id: string }

const WATERMARK = { op: 'withWatermark', column: 'ts', delay: '10 minutes' } as const;

function drawQuery(rng: Rng, index: number): QueryCard {
  const grouping = pick(rng, ['tumbling', 'tumbling', 'sliding', 'session', 'user', 'none'] as const);
  const aggregate: QueryStep[] = grouping === 'none' ? [] : [grouping === 'user' ? { op: 'aggregate', column: 'user' } : { op: 'aggregate', column: 'ts', window: grouping }];
  const isWindowed = grouping !== 'none' && grouping !== 'user';
  const watermark = pick(rng, ['none', 'before', 'before', 'other-column', ...(isWindowed ? ['after'] as const : [])] as const);
  const before: QueryStep[] = watermark === 'before' ? [WATERMARK] : watermark === 'other-column' ? [{ ...WATERMARK, column: 'ingest_ts' }] : [];
  const after: QueryStep[] = watermark === 'after' && isWindowed ? [{ ...WATERMARK, column: windowColumnOf(grouping) }] : [];
  const map: QueryStep[] = rng() < 0.4 ? [{ op: 'select', what: 'filter("amount > 0")' }] : [];
  return { id: `query-${index + 1}`, outputMode: pick(rng, ['append', 'append', 'update', 'complete'] as const), steps: [...before, ...map, ...aggregate, ...after] };
}

function queriesOf(view: RunView): QueryCard[] {
  if (view.scenario.seed === 1) return cards.queries as QueryCard[];
  const rng = createRng(view.scenario.seed);
  return drawUntil(() => Array.from({ length: 4 }, (_, i) => drawQuery(rng, i)), (queries) => {
    const flagged = queries.filter((q) => checkQuery(q).status !== 'accepted').length;
    return flagged > 0 && flagged < queries.length;
  }, 'set of queries');
}

const VERDICT_WORDS = { rejected: 'Spark rejects it when it starts: ', 'watermark-no-effect': 'Spark accepts it, but the watermark has no effect: ', accepted: '' };

const sparkQueryProblems: SetQuestion = {
  shape: 'set',
  summary: 'the Spark streaming queries that are rejected at start or whose watermark has no effect',
  needs: [],
  options: (view) => queriesOf(view).map((query): Option => {
    const verdict = checkQuery(query);
    return { id: query.id, label: queryText(query), why: `${VERDICT_WORDS[verdict.status]}${verdict.reason}` };
  }),
  answer: (view) => queriesOf(view).filter((query) => checkQuery(query).status !== 'accepted').map((query) => query.id),
};

export const sparkQueries = { 'spark-query-problems': sparkQueryProblems };
