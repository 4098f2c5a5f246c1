/**
 * Personal data a secretariat must not publish: the words that say a number is a CPR number (or is
 * not), the domains of public bodies, the words for a citizen, street names, and health and social words.
 */

/** A CPR cue right before the number: "cpr", "cpr.nr.", "cpr-nummer", "personnummer", "født". */
export const CPR_CUE_BEFORE = /(?<![\p{L}])(cpr|cpr-?nr|cpr\.?\s*nr|cpr-?nummer|cpr\.?\s*nummer|personnummer|personnr|pers\.?\s*nr|født)\.?\s*:?\s*$/iu;

/**
 * A label that says a number is some other identifier: case, journal and document numbers, notes,
 * production units (P-nummer), companies (CVR), accounts, invoices.
 */
export const NOT_CPR_BEFORE = /(?<![\p{L}])(sags?\s*n(r|ummer)|sags?-?id|j\.?\s*nr|journal\s*nr|journalnummer|dok\.?\s*nr|dokument(nummer|nr\.?)?|notat|notatnr|id|nr|nummer|ean|cvr|cvr-?nr|p-?nr|p-?nummer|se-?nr|konto|kontonr|reg\.?\s*nr|tlf|telefon|mobil|fax|faktura|fakturanr|ordre|ordrenr|brevid|bilag|akt|aktnr|lokalplan|matr\.?\s*nr|version)\.?\s*:?\s*$/iu;

export const NOT_PHONE_BEFORE = /(kr|dkk|sag|sagsnr|j\.?nr|nr|cvr|ean|konto|id|brevid|dok)\.?\s*:?\s*$/i;

/** A label before a phone number. */
export const PHONE_LABEL_BEFORE = /(tlf|telefon|telefonnummer|mobil|mobilnummer|mob|tel|direkte|ring|sms)\.?\s*(nr\.?)?\s*:?\s*$/i;

/** An organisation's number, not a person's: the switchboard ("hovednummer", "omstilling"). */
export const SWITCHBOARD_BEFORE = /(hovednummer|hovednr\.?|omstilling(en)?|central(en)?|hotline|vagttelefon(en)?|døgnvagt(en)?|borgerservice|kundeservice)\s*(på|er|:)?\s*(tlf\.?\s*)?(nr\.?\s*)?:?\s*$/i;

/** Units after a number: "procent", "pct.", "%", "kr." -- a run of digits then is no phone number. */
export const UNIT_AFTER = /^\s*(procent|pct|%|kr|dkk|mio|mia|kroner|m2|m²|km|timer|stk)/i;

/** A person by role rather than name: the citizen a case is about. */
export const CITIZEN_WORD = /(?<![\p{L}])(borger(en|e|ne)?|pårørende|klager(en)?|ansøger(en)?|patient(en)?|beboer(en)?|lejer(en)?|forælder|forældre(ne)?|ægtefælle(n)?|hr\.|fru)(?![\p{L}])/iu;

/**
 * Domains of public bodies: an address there is a work address. The 98 municipalities' and the five
 * regions' own domains (and any subdomain of them), and names that say what they are.
 */
export const PUBLIC_BODY_DOMAINS = new Set([
  'albertslund.dk', 'allerod.dk', 'assens.dk', 'ballerup.dk', 'billund.dk', 'bornholm.dk', 'brk.dk', 'brondby.dk', 'bronderslev.dk',
  'dragoer.dk', 'egedalkommune.dk', 'esbjerg.dk', 'esbjergkommune.dk', 'fanoe.dk', 'favrskov.dk', 'faxekommune.dk', 'fredensborg.dk',
  'fredericia.dk', 'frederiksberg.dk', 'frederikshavn.dk', 'frederikssund.dk', 'furesoe.dk', 'fmk.dk', 'faaborgmidtfyn.dk', 'gentofte.dk',
  'gladsaxe.dk', 'glostrup.dk', 'greve.dk', 'gribskov.dk', 'guldborgsund.dk', 'haderslev.dk', 'halsnaes.dk', 'hedensted.dk', 'helsingor.dk',
  'herlev.dk', 'herning.dk', 'hillerod.dk', 'hjoerring.dk', 'holbaek.dk', 'holstebro.dk', 'horsens.dk', 'hvidovre.dk', 'htk.dk',
  'hoje-taastrup.dk', 'horsholm.dk', 'ikast-brande.dk', 'ishoj.dk', 'jammerbugt.dk', 'kalundborg.dk', 'kerteminde.dk', 'kolding.dk',
  'kk.dk', 'koege.dk', 'laesoe.dk', 'langelandkommune.dk', 'lejre.dk', 'lemvig.dk', 'lolland.dk', 'ltk.dk', 'lyngby-taarbaek.dk',
  'mariagerfjord.dk', 'middelfart.dk', 'morsoe.dk', 'norddjurs.dk', 'nordfynskommune.dk', 'nyborg.dk', 'naestved.dk', 'odder.dk',
  'odense.dk', 'odsherred.dk', 'randers.dk', 'rebild.dk', 'ringkobing-skjern.dk', 'rksk.dk', 'ringsted.dk', 'roskilde.dk', 'rudersdal.dk',
  'rodovre.dk', 'samsoe.dk', 'silkeborg.dk', 'skanderborg.dk', 'skive.dk', 'slagelse.dk', 'solrod.dk', 'soroe.dk', 'stevns.dk', 'struer.dk',
  'svendborg.dk', 'syddjurs.dk', 'sonderborg.dk', 'sonderborgkommune.dk', 'thisted.dk', 'toender.dk', 'taarnby.dk', 'vallensbaek.dk',
  'varde.dk', 'vejen.dk', 'vejle.dk', 'vesthimmerland.dk', 'viborg.dk', 'vordingborg.dk', 'aeroe.dk', 'aabenraa.dk', 'aalborg.dk', 'aarhus.dk',
  // regions, the state, the municipalities' and regions' associations
  'regionh.dk', 'regionsjaelland.dk', 'rsyd.dk', 'regionsyddanmark.dk', 'rm.dk', 'rn.dk', 'kl.dk', 'regioner.dk', 'ft.dk', 'sst.dk', 'borger.dk',
  'sundhed.dk', 'politi.dk', 'skat.dk', 'stm.dk', 'um.dk', 'fm.dk', 'sm.dk', 'im.dk', 'uvm.dk', 'ufm.dk', 'mst.dk', 'ast.dk', 'at.dk', 'dst.dk',
]);
/** "kommune", "region", ".gov", ".gov.uk", ".mil": a public body by its name. */
export const PUBLIC_BODY_DOMAIN_PATTERN = /(^|\.)([a-z\d-]*kommune[a-z\d-]*|region[a-z\d-]*)\.|\.(gov|mil)(\.[a-z]{2})?$|^(gov|government)\.[a-z]{2}$/i;

/** Local parts that name a function, not a person: info@, post@, kontakt@, sekretariat@ ... */
export const ROLE_MAILBOX = /^(info|post|postkasse|mail|kontakt|kontor|sekretariat(et)?|admin|administration|service|support|kundeservice|salg|booking|bestilling|noreply|no-reply|webmaster|redaktion(en)?|bestyrelse(n)?|formand(en)?|kasserer(en)?|raadet|radet|udvalg(et)?|borgerservice|hr|it|okonomi|oekonomi|faktura|regnskab|presse|job|reception)$/i;

/** Common Danish first names (Danmarks Statistik's most frequent), lower case, ASCII spellings beside. */
export const FIRST_NAMES = new Set(
  (
    'anne kirsten hanne mette anna helle susanne lene maria marianne lone camilla pia louise charlotte bente tina gitte inge ' +
    'karen jette else ida sofie julie emma laura christina signe katrine birgit rikke ulla ruth henriette lisbeth janne dorte ' +
    'dorthe eva karin annette tove grethe birthe birte line maja freja clara caroline mia sara sarah nanna cecilie mathilde ' +
    'josefine nina lotte heidi britt tanja trine sanne malene pernille connie jytte kirsten lis lise lisa astrid alma ellen ' +
    'agnes ester esther inger ingrid hanna hannah amalie victoria isabella emilie anja ane kamilla sidsel stine vibeke winnie ' +
    'peter jens michael lars henrik thomas søren soren jan niels christian martin anders morten jesper mads rasmus per ' +
    'hans jørgen jorgen ole brian kim carsten torben kasper mikkel poul john frederik allan erik steen stig jakob jacob bo ' +
    'klaus claus flemming knud kurt preben bent leif frank finn jonas lasse simon mathias magnus emil oliver william lucas noah ' +
    'victor oscar carl karl alexander sebastian tobias daniel david benjamin philip nikolaj nicolai kristian jon ib aage ' +
    'arne svend sven gunnar tommy jimmy johnny kenneth dennis rene rené ulrik henning jeppe troels ebbe anton august malthe ' +
    'elias alfred valdemar johan johannes hans-henrik jens-erik karl-erik poul-erik lars-erik ole-christian jan-erik mogens ' +
    'villy willy palle eigil egon verner bjarne tage kai kaj otto axel bjørn bjorn esben casper mikael michel martin'
  ).split(' '),
);

/** A street name's last word, a compound ending in a street word: "Vestergade", "Skolevej", "Lindevænget" (not "Alle", "Torv"). */
export const STREET_NAME = /^\p{Lu}\p{Ll}{2,}(vej|vejen|gade|gaden|allé|alléen|stræde|strædet|plads|pladsen|torv|torvet|vænget|vænge|parken|bakken|højen|toften|haven|vangen|stien|boulevard|kæret|lunden|marken|engen|løkken|agrene|alleen)$/u;

/** "2. tv.", "st. th.", "1. sal": the floor after the house number. */
export const FLOOR_AFTER_NUMBER = /^,?\s*(\d{1,2}\.|st\.?|kl\.?)\s*(tv|th|mf|sal)?\.?/i;

/**
 * Health and social information (GDPR art. 9 and the Danish practice for social cases): diagnoses,
 * illness, abuse, placement of children, disability, admission, criminal records. Whole words, so
 * that "Handicaprådet" and "sygehus" are not taken.
 */
export const HEALTH_OR_SOCIAL_WORD = new RegExp(
  String.raw`(?<![\p{L}])(` +
    [
      'diagnose[nr]?', 'diagnosen', 'diagnoser(ne)?', 'diagnosticeret', 'sygdom(men|me|mene)?', 'syg', 'sygemeldt', 'sygemelding(en)?',
      'kræft', 'cancer', 'demens', 'dement', 'depression(en)?', 'deprimeret', 'angst', 'skizofreni', 'psykose', 'psykisk\\s+syg',
      'psykiatrisk\\s+(behandling|patient|indlæggelse)', 'misbrug(et)?', 'misbruger(en|e)?', '(alkohol|stof|hash)misbrug(et)?',
      'alkoholiker', 'narkoman', 'afvænning', 'udviklingshæmmet', 'autisme', 'autist', 'adhd', 'epilepsi', 'sklerose', 'sclerose',
      'hjerneskade', 'blodprop', 'indlagt', 'indlæggelse(n)?', 'selvmord(sforsøg)?', 'anbringelse(n|r)?', 'anbragt(e)?',
      'tvangsfjernelse(n)?', 'tvangsfjernet', 'plejefamilie(n)?', 'underretning(en|er)?', 'førtidspension(ist)?', 'kontanthjælp(smodtager)?',
      'hjemløs', 'fængsel', 'fængslet', 'straffedømt', 'afsoner', 'handicappet', 'bevægelseshæmmet',
    ].join('|') +
    String.raw`)(?![\p{L}])`,
  'iu',
);

/** "navn(at)gmail.com", "navn [at] firma [dot] dk", "navn (snabel-a) firma.dk": an address written so that robots miss it. */
export const OBFUSCATED_ADDRESS = /(?<![\p{L}\d._%+-])([\p{L}\d._%+-]+)[ \t]*[([{][ \t]*(?:at|snabel-?a)[ \t]*[)\]}][ \t]*([\p{L}\d-]+(?:(?:\.|[ \t]*[([{][ \t]*(?:dot|punktum)[ \t]*[)\]}][ \t]*)[\p{L}\d-]+)+)/giu;
/** " [dot] ", "(punktum)": the written-out dot of such an address. */
export const OBFUSCATED_DOT = /[ \t]*[([{][ \t]*(?:dot|punktum)[ \t]*[)\]}][ \t]*/gi;
