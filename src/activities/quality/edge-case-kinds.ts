/**
 * The kinds of edge case a story should cover, each recognised by the words that name it. A case
 * may be of several kinds ("the link expired and was deleted" is time and data lifecycle).
 */
export const EDGE_CASE_KINDS = [
  [
    'duplicates and concurrency',
    /twice|duplicat|double|concurren|simultaneous|same (time|moment|second)|at once|in parallel|\brace\b|idempoten|\bretr(y|ies|ied)\b|two (users|requests|tabs|devices|workers)/i,
  ],
  [
    'limits and sizes',
    /limit|maximum|\bmax\b|minimum|\bsize|large|huge|too many|too long|\bempty\b|length|overflow|exceed|quota|[0-9]+\s*(kb|kib|mb|mib|gb|characters|rows|items|records|pages|members)\b/i,
  ],
  [
    'a dependency failing or timing out',
    /time(s|d)? ?out|unavailable|\bdown\b|outage|unreachable|\bfail(s|ed|ing|ure)?\b|slow|\bcrash|not respond|\b5[0-9][0-9]\b|bounce/i,
  ],
  [
    'authorization',
    /permission|unauthori[sz]|forbidden|\baccess\b|another (user|account|tenant|team|member|customer)|someone else|\brole\b|not allowed|revoked|signed out|\b40[13]\b/i,
  ],
  [
    'hostile input',
    /malicious|inject|<script|\bxss\b|\bsql\b|malformed|forged|tamper|hostile|crafted|spoof|path traversal|control characters|phishing/i,
  ],
  [
    'time and expiry',
    /expir|time ?zone|clock|deadline|daylight|midnight|\bstale\b|\bttl\b|\blate\b|after [0-9]+ (seconds|minutes|hours|days)|outdated|month boundary|end of (the )?(day|month|year)|leap/i,
  ],
  [
    'data lifecycle',
    /delet|archiv|purg|retention|restor|soft-delete|migrat|orphan|\bremov|account (is )?closed|recreat|backup/i,
  ],
] as const satisfies readonly (readonly [string, RegExp])[];

export type EdgeCaseKind = (typeof EDGE_CASE_KINDS)[number][0];

/** The kinds of edge case the text covers. */
export function edgeCaseKinds(text: string): EdgeCaseKind[] {
  return EDGE_CASE_KINDS.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind);
}
