import { Rule } from '../rule';
import A01 from './A01';
import A02 from './A02';
import A03 from './A03';
import A04 from './A04';
import A05 from './A05';
import A06 from './A06';
import A07 from './A07';
import A08 from './A08';
import A09 from './A09';
import A10 from './A10';
import A11 from './A11';
import D01 from './D01';
import D02 from './D02';
import D03 from './D03';
import D04 from './D04';
import D05 from './D05';
import D06 from './D06';
import D07 from './D07';
import D08 from './D08';
import D09 from './D09';
import D10 from './D10';
import D11 from './D11';
import D12 from './D12';
import D13 from './D13';
import P01 from './P01';
import P02 from './P02';
import P03 from './P03';
import P04 from './P04';
import P05 from './P05';
import P06 from './P06';
import P07 from './P07';
import P08 from './P08';
import P09 from './P09';
import P10 from './P10';
import P11 from './P11';
import P12 from './P12';
import P13 from './P13';
import P14 from './P14';
import P15 from './P15';

/** Every rule, in catalogue order. */
export const RULES: Rule[] = [
  D01, D02, D03, D04, D05, D06, D07, D08, D09, D10, D11, D12, D13, P01, P02, P03, P04, P05, P06, P07, P08, P09, P10, P11, P12, P13, P14, P15, A01, A02, A03, A04, A05, A06, A07, A08, A09, A10, A11,
];
