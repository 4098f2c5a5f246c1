/** People: the words around names in participant lists (roles, titles, affiliations). */

/** Words that make a chunk an organisation or place rather than a person. */
export const ORG_WORD = /(kommune|region|regionen|hospital(et)?|sygehus(et)?|psykiatri(en)?|praksis|plo\b|plo-|sekretariat(et)?|klyngesekretariatet|udvalg(et)?|forvaltning(en)?|center|centret|centeret|afdeling(en)?|enhed(en)?|direktion(en)?|rådhus(et)?|område(t)?|sundhed\b|forening(en)?|styrelse(n)?|ministerie(t)?|universitet|lægerne|kb\b|sundhedsvæsen|byråd(et)?|\bniveau\b|gruppe(n)?|forum|klynge(n)?)/i;

/** Compound titles ("Udvalgsmedlem", "Sundhedschef") are not part of a name. */
export const TITLE_SUFFIX = /(medlem|formand|direktør|chef|konsulent|læge|leder|sekretær|rådmand|borgmester|fuldmægtig|koordinator|sygeplejerske|repræsentant|konsulent|medarbejder)$/i;

/** capitalised words that are not part of a name */
export const NOT_A_NAME_TOKEN = /^(Og|Der|Den|Det|De|Afbud|Fraværende|Deltog|Ingen|Kl|Punkt|Pkt|Sag|Referat)$/i;

/** a chair's role written after the name */
export const CHAIR_ROLE = /^(formand|næstformand)$/i;

/** a substitute's role written after the name */
export const SUBSTITUTE_ROLE = /^tilforordnet|^stedfortræder|^suppleant/i;

/** Lower-case words a list of names may hold: joining words and name particles ("Jytte von Seelen"). */
export const NAME_LIST_WORDS = ['og', 'samt', 'von', 'van'];
