/** The political level read from the members: members with party letters make a political forum even where the header does not say so. */
import type { ParticipantFinding } from './participants.js';
import { NON_POLITICAL_BODY, PARTY_LETTERS } from '../vocabulary/meeting.js';

export function isPoliticalByMembers(body: string | null, participants: ParticipantFinding[]): boolean {
  if (NON_POLITICAL_BODY.test(body ?? '')) return false;
  return participants.filter((p) => PARTY_LETTERS.test(p.affiliation ?? '')).length >= 2;
}
