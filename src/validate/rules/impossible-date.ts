/** impossible-date: a well-formed date that does not exist ("31-02-2024", "30. februar 2023"). */
import type { Rule } from '../types.js';

export const impossibleDate: Rule = {
  id: 'impossible-date',
  defaultSeverity: 'error',
  description: 'En dato skal findes i kalenderen (ikke fx 31. februar).',
  check(ctx) {
    return ctx.facts.impossibleDates.map((d) => ({
      start: d.start,
      end: d.end,
      message: `Datoen »${d.raw}« findes ikke: ${d.reason}. Ret datoen.`,
    }));
  },
};
