/**
 * Discord option names must be lowercase (`^[-_\p{Ll}\p{N}]{1,32}$` for Latin script), so `postEmpty`
 * is offered as `post-empty`; readOptions maps the name back.
 */
export function discordOptionName(name: string): string {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1-$2')
    .toLowerCase()
    .replace(/[^-_\p{L}\p{N}]/gu, '-')
    .slice(0, 32);
}
