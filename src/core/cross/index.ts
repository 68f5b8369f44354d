import { CrossRule } from './context';
import X01 from './X01';
import X02 from './X02';
import X03 from './X03';
import X04 from './X04';

/** The rules across units, in catalogue order. */
export const CROSS_RULES: CrossRule[] = [X01, X02, X03, X04];
