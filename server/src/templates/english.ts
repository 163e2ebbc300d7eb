// English meanings and legal bases for hovers, keyed by the ids both formats share (rows are unique
// within a table, so `table/row`). Data only: a variant's extra rows may add entries here or go without
// (the hover then shows the Chinese text).
export interface EnglishText {
  meaning?: string;
  basis?: string;
}

const art = (n: string) => `Regulations on Open Government Information (2019), Art. ${n}`;

export const englishRows: Record<string, EnglishText> = {
  'proactive/rules': { meaning: 'Rules (规章) made by this organ.', basis: art('20(1)') },
  'proactive/normative': { meaning: 'Administrative normative documents made by this organ.', basis: art('20(1)') },
  'proactive/other-docs': { meaning: 'Other proactively published documents (a provincial row).' },
  'proactive/license': { meaning: 'Administrative licensing: items and decisions.', basis: art('20(5)') },
  'proactive/other-services': { meaning: 'Other external management and service items besides licensing.', basis: art('20(5)') },
  'proactive/penalty': { meaning: 'Administrative penalties: items and decisions.', basis: art('20(6)') },
  'proactive/coercion': { meaning: 'Administrative coercive measures: items and decisions.', basis: art('20(6)') },
  'proactive/fees': { meaning: 'Administrative fees (2019 format: number of fee items; 2021 format: amount in 万元, 10,000 yuan). Not the information processing fee of section 六.', basis: art('20(8)') },
  'proactive/procurement': { meaning: 'Centralised government procurement: number of projects and total amount.', basis: art('20(9)') },
  'applications/new': { meaning: 'New disclosure applications received this year.', basis: art('50(2)') },
  'applications/carried': { meaning: 'Applications carried over from last year; equals last year’s 四 (carried forward).', basis: art('33') },
  'applications/disclosed': { meaning: 'Disclosed in full, including pointing the applicant to information already published.', basis: art('36(1)(2)') },
  'applications/partial': { meaning: 'Partly disclosed (区分处理): the disclosable part provided, the rest refused with reasons. Counted only here.', basis: art('37') },
  'applications/refused-secret': { meaning: 'Refused: state secret.', basis: art('14') },
  'applications/refused-law': { meaning: 'Refused: other laws or administrative regulations forbid disclosure.', basis: art('14') },
  'applications/refused-safety': { meaning: 'Refused: would endanger national, public or economic security or social stability.', basis: art('14') },
  'applications/refused-third-party': { meaning: 'Refused: to protect a third party’s lawful rights (trade secrets, privacy).', basis: art('15') },
  'applications/refused-internal': { meaning: 'Refused: internal affairs (personnel, logistics, internal procedures).', basis: art('16 para. 1') },
  'applications/refused-process': { meaning: 'Refused: process information (discussion records, drafts, consultation letters, requests for instructions).', basis: art('16 para. 2') },
  'applications/refused-enforcement': { meaning: 'Refused: administrative enforcement case files.', basis: art('16 para. 2') },
  'applications/refused-query': { meaning: 'Refused: matters with their own query procedures (business or real-estate registration records…).', basis: art('36(7)') },
  'applications/unable-not-held': { meaning: 'Cannot provide: this organ does not hold the information (it does not exist, or it is another organ’s).', basis: art('36(4)(5)') },
  'applications/unable-create': { meaning: 'Cannot provide: would need new information to be produced or analysed.', basis: art('38') },
  'applications/unable-unclear': { meaning: 'Cannot provide: the request is still unclear after a request to correct it.', basis: art('29, 30') },
  'applications/np-petition': { meaning: 'Not processed: petitions, complaints or reports made as disclosure applications.', basis: art('39 para. 1') },
  'applications/np-repeat': { meaning: 'Not processed: repeated application for the same information.', basis: art('36(6)') },
  'applications/np-publication': { meaning: 'Not processed: asks for public publications (the applicant is told where to get them).', basis: art('39 para. 2') },
  'applications/np-massive': { meaning: 'Not processed: large numbers of repeated applications without good reason.', basis: art('35') },
  'applications/np-confirm': { meaning: 'Not processed: asks the organ to confirm or re-issue information already obtained.' },
  'applications/other': { meaning: 'Other handling (2019 format: a single row).' },
  'applications/other-no-correction': { meaning: 'Other: the applicant did not correct the application in time without good reason; no longer processed.', basis: art('30') },
  'applications/other-no-fee': { meaning: 'Other: the applicant did not pay the fee by the notice’s deadline; no longer processed.', basis: `${art('42')}; 国办函〔2020〕109号` },
  'applications/other-misc': { meaning: 'Other handling.' },
  'applications/total': { meaning: 'Results in total: the sum of （一）–（六）.' },
  'applications/forward': { meaning: 'Still pending on 31 December, carried forward to next year (the reply period is 20 working days, extendable).', basis: art('33') },
  'review/cases': { meaning: 'Administrative reviews and lawsuits about disclosure (litigation split into direct suits and suits after review).', basis: art('50(3)') },
};

export const englishColumns: Record<string, string> = {
  natural: 'Applications by natural persons.',
  commercial: 'Applications by commercial enterprises.',
  research: 'Applications by research institutions.',
  'public-interest': 'Applications by public-interest organisations.',
  legal: 'Applications by legal service institutions.',
  'other-org': 'Applications by other legal persons or organisations.',
  total: 'Sum of the applicant columns of the row.',
  made: 'Newly made this year.',
  published: 'Newly published this year.',
  'total-published': 'Published in total by year end.',
  prev: 'Number of items at the end of last year.',
  delta: 'Change this year (negative for a decrease).',
  decisions: 'Decisions made this year.',
  'purchase-count': 'Number of procurement projects.',
  'purchase-amount': 'Total procurement amount (no unit in the template).',
  issued: 'Issued this year.',
  repealed: 'Repealed this year.',
  'in-force': 'In force at year end.',
  'fee-amount': 'Fees collected this year, in 万元 (10,000 yuan); decimals allowed.',
};

const outcomes: Record<string, string> = {
  upheld: 'upheld',
  corrected: 'corrected',
  other: 'other outcomes',
  pending: 'still pending on 31 December',
  total: 'total of the group',
};
const groups: Record<string, string> = { review: 'Administrative review', direct: 'Litigation without prior review', after: 'Litigation after review' };
for (const [g, gn] of Object.entries(groups)) for (const [o, on] of Object.entries(outcomes)) englishColumns[`${g}-${o}`] = `${gn}: ${on}.`;

export function englishRow(table: string, row: string): EnglishText | undefined {
  return englishRows[`${table}/${row}`];
}

export function englishColumn(column: string): string | undefined {
  return englishColumns[column];
}

export const englishSections: Record<string, string> = {
  overview: 'Overview of the year’s disclosure work (proactive disclosure, applications, information management, platforms, oversight).',
  proactive: 'Proactive disclosure (Art. 50(1)): the items of Art. 20.',
  applications: 'Disclosure applications received and handled (Art. 50(2)).',
  review: 'Administrative reviews and lawsuits about disclosure work (Art. 50(3)).',
  problems: 'Main problems and improvements (Art. 50(4)); governments also report assessment, public evaluation and accountability.',
  other: 'Other matters to report (Art. 50(5)); since 2021 including information processing fees.',
};
