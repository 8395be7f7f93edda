import { tokenise } from './tokens.ts';

/**
 * The commonest words of English and Urdu (articles, pronouns, prepositions, auxiliaries,
 * conjunctions, postpositions). A near-quotation must keep some words that are not among these,
 * or any short statement would match every sentence that shares its grammar.
 */
const ENGLISH = `a an the this that these those it its it's they them their we us our you your he she
his her him i me my of in on at to for from by with about into over under between through
during before after without within against among and or but nor so yet if than then as not no
is are was were be been being am do does did done have has had having will would shall should
can could may might must also very more most less much many some any all both each every such
there here what which who whom whose when where why how only just own same other another up
down out off again further once`;

const URDU = `کا کی کے کو سے میں پر نے تک اور یا لیکن مگر کہ جو جس جن جنہوں یہ وہ اس ان ایک ہے ہیں
ہو ہوں ہوا ہوئی ہوئے تھا تھی تھے تھیں گا گی گے رہا رہی رہے کر کرنا کرتے کرتی کیا کیے کی گئی
گیا گئے لیے لئے ساتھ بھی ہی تو نہ نہیں بہت زیادہ کم سب کچھ کسی کوئی اپنا اپنی اپنے ہم ہمارا ہماری
ہمارے آپ جب تب اب یہاں وہاں کیوں کیسے بعد پہلے دوران درمیان بارے طرف طور جائے چاہیے سکتا سکتی
سکتے دونوں`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(tokenise(`${ENGLISH} ${URDU}`).words);
