// Small pieces of the requests the client sends, kept apart so they can be read and tested.

/** GitHub's search refuses longer queries. */
const MAX_QUERY_LENGTH = 256;

/**
 * A search for open issues in `repo` whose title contains `title`'s words as one phrase.
 * Search has no escape for `"` inside a phrase, so quotes and backslashes become spaces; the
 * phrase is cut at a word to fit the query limit. The caller keeps only exact title matches.
 */
export function searchQueryForTitle(repo: string, title: string): string {
  const qualifiers = `repo:${repo} is:issue is:open in:title`;
  const room = MAX_QUERY_LENGTH - qualifiers.length - 3;
  let phrase = title.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim();
  if (phrase.length > room) {
    const cut = phrase.slice(0, room);
    phrase = cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
  }
  return phrase === '' ? qualifiers : `${qualifiers} "${phrase}"`;
}

/** Whether a `link` header announces a next page. */
export function nextPageExists(link: string | undefined): boolean {
  return typeof link === 'string' && /<[^>]*>;\s*rel="?([^"]*\s)?next(\s[^"]*)?"?/.test(link);
}
