/**
 * Word lists shared by the street and location scanners: street-type words, directions and
 * the words that can never be part of a street or city name.
 */

export const SUFFIXES = new Set(
  ("street st avenue ave av road rd drive dr lane ln boulevard blvd court ct crt circle cir way place pl terrace ter terr " +
    "trail trl tr parkway pkwy highway hwy crescent cres cr square sq loop pike row run path pass walk crossing xing cove cv " +
    "point pt pointe gate gardens gdns heights hts close grove grv gr landing lndg ridge rdg hill hl hollow holw alley aly " +
    "expressway expy freeway fwy turnpike tpke mews park pk plaza plz glen gln meadows mdws meadow view vw vista vis line " +
    "sideroad concession green grn bay estates commons cmns bend bnd trace trce chase dale harbour harbor hbr manor mnr " +
    "orchard knoll knl villas summit smt vale circuit bluff blf brook brk creek crk crossroad way. wynd quay gardens mall " +
    "esplanade drwy driveway spur stravenue tr. cswy causeway route rte")
    .split(/\s+/),
);
export const DIRECTIONS = new Set("n s e w ne nw se sw north south east west n. s. e. w.".split(" "));

/** Words that never sit inside a street or city name; they end the scan. */
export const STOP_WORDS = new Set(
  ("for at in on is was with of to and or the a an from by per this that it its we i you my our your near off under over " +
    "about around bed beds bedroom bedrooms bath baths bathroom bathrooms br ba bd bds sqft sf sq ft feet square units unit " +
    "doors days years yrs months weeks miles mins minutes acres acre ac k car cars garage story stories asking arv price " +
    "repairs rehab built year plus apt apartment suite ste homes houses properties deals lots needs need has have had " +
    "comps sold will can just only all nice call text email phone cell contact built as if but so be are " +
    "deal property house home duplex triplex condo sfr listed address located priced under contract").split(/\s+/),
);


/** Lowercase without a trailing period: "St." → "st". */
export const clean = (w: string) => w.toLowerCase().replace(/\.$/, "");

/** A city name word: letters (accents included), apostrophes, periods, hyphens. */
export const CITY_WORD = /^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'.-]*$/;
