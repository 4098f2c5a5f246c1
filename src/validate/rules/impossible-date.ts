/** impossible-date: a well-formed date that does not exist ("31-02-2024", "30. februar 2023"). */
import type { Rule } from '../types.js';

export const impossibleDate: Rule = {
  meta: { id: 'impossible-date', type: 'problem', defaultSeverity: 'error', description: 'En dato skal findes i kalenderen (ikke fx 31. februar).' },
  check(ctx, report) {
    for (const d of ctx.facts.impossibleDates) report({ start: d.start, end: d.end, message: `Datoen »${d.raw}« findes ikke: ${d.reason}. Ret datoen.` });
  },
};
