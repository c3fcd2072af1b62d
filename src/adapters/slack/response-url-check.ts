/** The hosts Slack sends response_urls on (commercial and GovSlack). */
const SLACK_HOOK_HOSTS = new Set(['hooks.slack.com', 'hooks.slack-gov.com']);

/**
 * Which response_urls readout may POST an answer to: Slack's own hook hosts over https, or the host of
 * SLACK_API_URL when the operator points that at another server (a test Slack). A payload names its
 * response_url itself, so without this check anyone who could get a payload through would choose where
 * the server sends requests.
 */
export function createResponseUrlCheck(apiUrl: string | undefined): (url: unknown) => boolean {
  const api = apiUrl ? safeUrl(apiUrl) : undefined;
  return (url) => {
    if (typeof url !== 'string') return false;
    const target = safeUrl(url);
    if (!target || target.username || target.password) return false;
    if (target.protocol === 'https:' && SLACK_HOOK_HOSTS.has(target.hostname) && target.port === '') return true;
    return api !== undefined && target.protocol === api.protocol && target.host === api.host;
  };
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
