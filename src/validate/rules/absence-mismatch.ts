/**
 * absence-mismatch: absences that do not fit the attendance record. (1) A person absent from an item
 * who is not on the participant list (only when the document has one). (2) A person marked absent in
 * the header who is also listed as present, or who speaks in an item ("X bemærkede/oplyste/…"); and a
 * person absent from an item who speaks in that item. Names are matched in full (first and last name),
 * never by first name alone, to keep false alarms down; the rule gives warnings.
 */
import type { AnalysisContext } from '../../pipeline.js';
import { PARTICIPANT_LABELS } from '../../vocabulary/structure.js';
import { parseNameList } from '../../extract/names.js';
import type { Finding, Rule } from '../types.js';
import { findName, lineAt, sameName } from '../helpers.js';
import { SPEECH, ON_BEHALF_BEFORE, ABSENT_MARK_IN_PARENS, ABSENT_MARK_AFTER, ATTENDED_LABEL, ATTENDANCE_ITEM_TITLE } from '../../vocabulary/attendance.js';
/** A marker after the name, before the next name in a run-on list: "Mette Bossen Linnet, V (Fravær)". */
function markedAbsent(after: string): boolean {
  const line = after.split('\n')[0];
  const cut = line.search(/[,;]\s*\p{Lu}[\p{L}'’-]+\s+\p{Lu}/u);
  const own = cut >= 0 ? line.slice(0, cut) : line;
  return ABSENT_MARK_IN_PARENS.test(own) || ABSENT_MARK_AFTER.test(own);
}

/** The participant label above a line: 'attended', 'absent', 'roster' (a list that may hold both), or null. */
function labelAbove(ctx: AnalysisContext, lineIndex: number): 'attended' | 'absent' | 'roster' | null {
  const { lines } = ctx.tree;
  for (let k = lineIndex, seen = 0; k >= 0 && seen < 40; k--) {
    const t = lines[k].text.replace(/^[-•·*–]\s*/, '');
    if (!t) continue;
    seen++;
    for (const l of PARTICIPANT_LABELS) {
      if (!l.pattern.test(t)) continue;
      if (l.status === 'absent') return 'absent';
      return ATTENDED_LABEL.test(t) ? 'attended' : 'roster';
    }
  }
  return null;
}

export const absenceMismatch: Rule = {
  meta: { id: 'absence-mismatch', type: 'suggestion', defaultSeverity: 'warning', description: 'Fravær skal stemme med deltagerlisten: fraværende skal stå på listen og må ikke samtidig stå som deltagere eller tage ordet.' },
  check(ctx, report) {
    const { referat, tree } = ctx;
    const text = ctx.text;
    const participants = referat.participants;
    const seen = new Set<string>();
    const once = (key: string) => (seen.has(key) ? false : (seen.add(key), true));

    // (1) Absent from an item but not on the participant list (a list of at least three present: a
    // document that names only who sent apologies has no list to check against).
    if (participants.filter((p) => p.status === 'present').length >= 3) {
      for (const item of referat.items) {
        for (const name of item.absent) {
          const clean = name.replace(/\s+/g, ' ').trim();
          if (participants.some((p) => sameName(p.name, clean))) continue;
          if (!once(`list|${clean.toLowerCase()}`)) continue;
          const node = ctx.bodyItem(item.number);
          const at = node ? findName(text.slice(node.start, node.end), clean)[0] : undefined;
          report({
            start: at && node ? node.start + at.start : undefined,
            end: at && node ? node.start + at.end : undefined,
            item: item.number,
            quote: clean,
            message: `${clean} er noteret som fraværende under punkt ${item.number}, men står ikke på deltagerlisten. Tilføj personen til deltagerlisten, eller ret navnet, så det staves ens.`,
          });
        }
      }
    }

    // (2) Absent, yet present or speaking.
    const checkSpeaker = (name: string, from: number, to: number, why: string, item: number | null) => {
      for (const occ of findName(text.slice(from, to), name)) {
        const start = from + occ.start;
        const end = from + occ.end;
        const after = text.slice(end, end + 60);
        const m = SPEECH.exec(after);
        if (!m) continue;
        if (!once(`speak|${name.toLowerCase()}|${start}`)) continue;
        const line = lineAt(tree, start);
        report({
          start,
          end: end + m.index + m[0].length,
          item: item ?? ctx.itemAt(start),
          quote: text.slice(start, Math.min(line.end, end + m.index + m[0].length + 40)),
          message: `${name} ${why}, men referatet skriver, at ${name} ${m[1].toLowerCase()}. Ret fraværet, eller tjek om det er den rigtige person.`,
        });
      }
    };

    for (const p of participants) {
      if (p.status !== 'absent') continue;
      // Listed as present elsewhere in the attendance part.
      for (const occ of findName(text, p.name)) {
        const item = ctx.itemNodeAt(occ.start);
        const inAttendance = !item || ATTENDANCE_ITEM_TITLE.test(item.title);
        if (!inAttendance) continue;
        const line = lineAt(tree, occ.start);
        if (ON_BEHALF_BEFORE.test(text.slice(Math.max(line.start, occ.start - 40), occ.start))) continue;
        const listed = parseNameList(line.text).find((n) => sameName(n.name, p.name));
        if (listed?.marker || markedAbsent(text.slice(occ.end, occ.end + 60))) continue;
        if (labelAbove(ctx, line.index) !== 'attended') continue;
        if (!once(`both|${p.name.toLowerCase()}`)) continue;
        report({
          start: occ.start,
          end: occ.end,
          item: null,
          quote: line.text,
          message: `${p.name} står både som fraværende (afbud) og som deltager. Ret deltagerlisten, så personen kun står ét sted.`,
        });
      }
      // Speaking in an item.
      const first = tree.items.find((i) => !i.fromTocOnly);
      if (first) checkSpeaker(p.name, first.start, text.length, 'er meldt fraværende', null);
    }

    for (const item of referat.items) {
      const node = ctx.bodyItem(item.number);
      if (!node) continue;
      for (const name of item.absent) {
        const clean = name.replace(/\s+/g, ' ').trim();
        if (participants.some((p) => p.status === 'absent' && sameName(p.name, clean))) continue; // reported above
        checkSpeaker(clean, node.start, node.end, `er noteret som fraværende under punkt ${item.number}`, item.number);
      }
    }
    },
};
