/**
 * item-missing-decision: every item of MINUTES needs a decision ("Beslutning", "Referat", "Beslutning i
 * <udvalg> den …") with text under it. Skipped: agendas, items only in the table of contents, closed
 * items, and items that hold no case (the attendance list "Deltagere"/"Afbud", the signature sheet "Underskriftsark"). A written orientation
 * ("Skriftlig orientering", "Meddelelser") without a decision heading, or minutes in which no item has
 * a decision heading at all (a layout we do not recognise), give a warning instead of an error; there,
 * several items without one are one finding about the document (its records are running text, so a
 * missing decision cannot be told from an unmarked one). Items
 * whose headings stand three or more on one line (a flattened table of contents read as items) and items without a
 * title are misreadings, not items without a decision: they are not reported.
 */
import type { AnalysisContext } from '../../pipeline.js';
import type { Finding, Rule } from '../types.js';
import { headingOf, runOnItems } from '../helpers.js';
import { NO_CASE_ITEM, WRITTEN_ORIENTATION, CLOSED_ONLY } from '../../vocabulary/outcomes.js';

export const itemMissingDecision: Rule = {
  meta: { id: 'item-missing-decision', type: 'problem', defaultSeverity: 'error', description: 'Hvert punkt i et referat skal have en beslutning (»Beslutning«/»Referat«) med tekst under.' },
  check(ctx, report) {
    const { referat, tree } = ctx;
    if (referat.documentType !== 'minutes') return;
    const pairs = tree.items.map((node, i) => ({ node, item: referat.items[i] }));
    const anyDecisionHeading = pairs.some(({ node }) => node.sections.some((s) => s.type === 'beslutning'));
    const runOn = runOnItems(tree, ctx.text);
    // Without a decision heading anywhere, the layout writes its records as running text: which items
    // lack one cannot be told, so several such items are one finding about the document.
    const unmarked: { label: string; start: number; end: number; item: number }[] = [];
    for (const { node, item } of pairs) {
      if (node.fromTocOnly || node.closed || !item || item.decision) continue;
      // A list read as items, or an "item" without a title, is not an item whose decision can be judged.
      if (runOn.has(node) || !item.title.trim()) continue;
      if (NO_CASE_ITEM.test(item.title)) continue;
      const heading = headingOf(ctx, node);
      const decisionSections = node.sections.filter((s) => s.type === 'beslutning');
      const bodies = decisionSections.map((s) => ctx.text.slice(s.bodyStart, s.bodyEnd).trim());
      if (bodies.some((b) => CLOSED_ONLY.test(b))) continue;
      const label = `Punkt ${item.number} »${item.title}«`;
      if (decisionSections.length === 0) {
        const written = WRITTEN_ORIENTATION.test(heading.text);
        if (!anyDecisionHeading) {
          unmarked.push({ label, start: heading.start, end: heading.end, item: item.number });
          continue;
        }
        report({
          start: heading.start,
          end: heading.end,
          item: item.number,
          severity: written ? 'warning' : undefined,
          message: written
            ? `${label} er en skriftlig orientering uden beslutning. Skriv fx »Beslutning: Orienteringen blev taget til efterretning«, hvis punktet blev behandlet.`
            : `${label} har ingen beslutning. Tilføj afsnittet »Beslutning« med mødets beslutning (fx »Godkendt« eller »Taget til efterretning«).`,
        });
        continue;
      }
      const empty = decisionSections[decisionSections.length - 1];
      const headingEnd = empty.headingStart != null ? empty.headingStart + (empty.heading?.length ?? 0) : empty.end;
      report({
        start: empty.headingStart ?? empty.start,
        end: Math.max(headingEnd, empty.headingStart ?? empty.start),
        item: item.number,
        message: `${label} har overskriften »${empty.heading ?? 'Beslutning'}«, men ingen tekst under den. Skriv beslutningen ind, eller fjern overskriften, hvis punktet ikke blev behandlet.`,
      });
    }
    if (unmarked.length === 1) {
      const [u] = unmarked;
      report({ start: u.start, end: u.end, item: u.item, severity: 'warning', message: `${u.label} har ingen beslutning. Tilføj afsnittet »Beslutning« med mødets beslutning (fx »Godkendt« eller »Taget til efterretning«).` });
    } else if (unmarked.length > 1) {
      const [u] = unmarked;
      report({
        start: u.start,
        end: u.end,
        item: u.item,
        severity: 'warning',
        message: `Ingen af referatets punkter har en beslutningsoverskrift (»Beslutning«), så mødets beslutninger kan ikke skelnes fra sagens tekst. ${unmarked.length} punkter har ingen markeret beslutning: ${unmarked.map((x) => x.label).join(', ')}. Skriv hvert punkts beslutning under »Beslutning«.`,
      });
    }
    },
};
