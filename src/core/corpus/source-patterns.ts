/** News agencies and outlets recognised by name in a capture, with the ways pages write them. */
export const SOURCE_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  // 新华网 / 新华社 are Xinhua's own Chinese names, as in "From:新华网".
  { name: 'Xinhua', pattern: /\bXinhua\b|\u65b0\u534e/u },
];
