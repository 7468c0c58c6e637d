// Money rule: the API speaks rupees (numbers, possibly with decimals); every sum, debit and refund is done in
// integer paise so that no float drift ever reaches a wallet.
export const toPaise = (rupees: number): number => Math.round(rupees * 100);
export const toRupees = (paise: number): number => paise / 100;

/** True when `rupees` has at most two decimals, i.e. is a whole number of paise. */
export const isWholePaise = (rupees: number): boolean => Math.abs(rupees * 100 - Math.round(rupees * 100)) < 1e-6;
