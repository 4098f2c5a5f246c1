/**
 * personal-health: health or social information (a diagnosis, illness, abuse, a child's placement,
 * admission, a criminal record) in the same sentence as a person's name, in an open item: warning.
 * Sensitive data (GDPR art. 9) about a named citizen belongs in a closed item. Officials' names
 * (participants, a name with a party letter or a title) do not count: minutes record what politicians
 * and staff said about illness and abuse as subjects.
 */
import type { Rule } from '../types.js';
import { HEALTH_OR_SOCIAL_WORD } from '../../vocabulary/personal-data.js';
import { itemAt, personMentions, sentenceAround } from '../persons.js';

export const personalHealth: Rule = {
  meta: { id: 'personal-health', type: 'problem', defaultSeverity: 'warning', description: 'Helbreds- og sociale oplysninger om en navngiven borger må ikke stå i et åbent punkt.' },
  check(ctx, report) {
    const { text } = ctx;
    let lastSentence = -1;
    for (const person of personMentions(ctx)) {
      if (person.official) continue;
      const item = itemAt(ctx, person.start);
      if (!item || item.closed) continue;
      const [a, b] = sentenceAround(text, person.start, person.end);
      if (a === lastSentence) continue;
      // the sentence alone is searched: a search on from it would read the rest of the text for each name
      const m = HEALTH_OR_SOCIAL_WORD.exec(text.slice(a, b));
      if (!m) continue;
      lastSentence = a;
      report({
        start: a + m.index,
        end: a + m.index + m[0].length,
        message: `Helbreds- eller social oplysning (»${m[0]}«) i samme sætning som en persons navn (»${person.name}«) i et åbent punkt. Følsomme oplysninger om en navngiven borger må ikke offentliggøres: anonymisér, eller flyt oplysningen til et lukket punkt.`,
      });
    }
  },
};
