/**
 * Common given names whose bearers are overwhelmingly men or women, so that
 * "she said" does not resolve to Donald or "he said" to Hillary. Only names
 * with a clear majority are listed; anything else stays unknown.
 */

const MEN = new Set(
  `aaron adam adrian alan albert alex alexander andrew andy anthony antonio arthur barack ben benjamin bernie bill
  billy bob bobby brad brandon brian bruce carl carlos charles charlie chris christian christopher colin craig dan
  daniel danny darren dave david dennis derek donald doug douglas duncan eddie edward eric frank fred gary gavin
  george gordon graham greg gregory harry henry howard ian jack jacob jake james jamie jason jeff jeffrey jeremy jim
  jimmy joe joel john johnny jon jonathan jordan jose joseph josh joshua juan justin keith ken kenneth kevin kyle
  larry lee leo luis luke marco marcus mark martin matt matthew michael mike mitch mitt muhammad mohammed neil
  nicholas nick nigel oliver patrick paul pedro pete peter phil philip ralph ray raymond richard rick rob robert
  roger ron ronald ross roy russell ryan sam samuel scott sean sergio simon stephen steve steven stuart ted terry
  thomas tim timothy todd tom tony trevor vincent walter wayne william`.split(/\s+/),
);

const WOMEN = new Set(
  `abigail alice alicia alison amanda amber amy andrea angela angelina ann anna anne barbara betty beverly brenda
  caroline carol caroline catherine charlotte cheryl christine claire clare claudia cynthia deborah debbie denise
  diana diane donna doris dorothy elaine eleanor elizabeth ellen emily emma fiona frances gloria hannah heather
  helen hillary holly irene jane janet janice jennifer jessica jill joan joanne josephine joyce judith judy julia
  julie karen kate katherine kathleen kathryn kathy katie kelly kim kimberly laura lauren linda lisa lori louise
  lucy lynne margaret maria marie marilyn martha mary megan melania melanie melissa michelle monica nancy natalie
  nicola nicole olivia pamela patricia paula penny rachel rebecca rose ruth sally samantha sandra sara sarah sharon
  shirley sophie stephanie susan tina theresa tracy victoria virginia wendy`.split(/\s+/),
);

/** 'm' or 'f' for a given name that clearly says so, else null. */
export function genderOfGivenName(name: string): 'm' | 'f' | null {
  const key = name.toLowerCase();
  if (MEN.has(key)) return 'm';
  if (WOMEN.has(key)) return 'f';
  return null;
}
