/**
 * Word lists the sentence splitter consults at a full stop. Matching is
 * case-sensitive on purpose: "Ill." is Illinois, "ill." ends a sentence.
 */

/** Titles before a name, and Latin like "e.g.": a full stop after them never ends a sentence. */
export const NEVER_FINAL: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Gov', 'Sen', 'Rep', 'Reps', 'Sens', 'Gen', 'Lt', 'Col', 'Maj', 'Capt',
  'Cmdr', 'Cdr', 'Adm', 'Sgt', 'Cpl', 'Pvt', 'Rev', 'Hon', 'Pres', 'Supt', 'Det', 'Insp', 'Messrs', 'Mme', 'Mlle',
  'Fr', 'Atty', 'Gens', 'Sra', 'Sec', 'Amb', 'e.g', 'i.e', 'viz',
]);

/**
 * Abbreviations that usually sit mid-sentence but can also end one
 * ("...based in the U.S. The firm..."): the splitter ends the sentence only
 * when the next word is one that typically opens a sentence.
 */
export const AMBIGUOUS: ReadonlySet<string> = new Set([
  // organisations and names
  'Inc', 'Corp', 'Co', 'Ltd', 'Plc', 'Bros', 'Jr', 'Sr', 'St', 'Mt', 'Ft', 'Ave', 'Blvd', 'Rd', 'Univ', 'Dept', 'Assn',
  // Latin and reference
  'etc', 'vs', 'v', 'cf', 'al', 'approx', 'est', 'No', 'Nos', 'no', 'Vol', 'vol', 'Fig', 'fig', 'pp', 'ca',
  // months
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  // US states, as AP style writes them
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La', 'Md',
  'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Penn', 'Tenn', 'Tex', 'Va', 'Vt',
  'Wash', 'Wis', 'Wyo',
]);

/**
 * Words that open sentences far more often than they continue a name, so an
 * ambiguous abbreviation or an initial before them ends the sentence.
 */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'His', 'Her', 'Its', 'Their', 'Our', 'My', 'Your',
  'This', 'That', 'These', 'Those', 'There', 'Here', 'But', 'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'For',
  'From', 'With', 'After', 'Before', 'When', 'While', 'If', 'As', 'Although', 'Though', 'However', 'Meanwhile',
  'Now', 'Then', 'Still', 'Also', 'Earlier', 'Later', 'Last', 'Some', 'Many', 'Most', 'One', 'Two', 'Both',
  'Each', 'Such', 'What', 'Why', 'How', 'Who', 'Where', 'Since', 'During', 'Despite', 'Instead', 'Officials',
  'According', 'Under', 'Over', 'About', 'Among', 'Because', 'Only', 'Even', 'Other', 'Another', 'Not', 'No',
]);

/** Speech verbs after a quotation: `"Why?" Smith asked.` is one sentence. */
export const CUE_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'asked', 'asks', 'added', 'adds', 'told', 'tells', 'explained', 'explains', 'replied', 'replies',
  'insisted', 'insists', 'wrote', 'writes', 'continued', 'shouted', 'cried', 'recalled', 'joked', 'admitted',
  'declared', 'exclaimed', 'wondered', 'tweeted', 'posted', 'warned', 'noted', 'yelled', 'screamed',
]);
