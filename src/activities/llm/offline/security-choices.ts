import { readStackProfile, type StackProfile } from '../../context/stack-profile';
import type { PhaseContext } from '../../phases/phase-definition';
import { answerNote, answerProfile } from './answer-profile';

/** What the team's context and the answers decide in the offline security section. */
export interface SecurityChoices {
  authentication: string;
  authorization: string;
  encryptionAtRest: string;
}

/** Sign-in through the team's identity provider, access for whom the answer names, keys in their cloud. */
export function securityChoices(context: PhaseContext, resourceWords: string): SecurityChoices {
  const stack = readStackProfile(context.project?.text);
  const { audience } = answerProfile(context);
  const roles = stack.identity?.provider
    ? ` Roles come from ${stack.identity.provider} group claims in the token.`
    : '';
  const ownership = `owners read and change their own ${resourceWords}; administrators read all and change status; every check happens in the service, not only in the UI.`;
  return {
    authentication: authentication(stack.identity),
    authorization: audience.answered
      ? `Only ${audience.text}${answerNote(audience)} may use the feature: the service checks the caller's role (${audience.roles.join(', ') || audience.text}) on every call and refuses anyone else with 403. Within that, ${ownership}${roles}`
      : `Role-based: ${ownership}${roles}`,
    encryptionAtRest: `AES-256 disk encryption for ${stack.database.name}${stack.cache.id === 'memcached' ? '' : `, ${stack.cache.name} snapshots`} and backups; keys in ${stack.cloud?.keyService ?? 'the cloud KMS'}, rotated yearly.`,
  };
}

function authentication(identity: StackProfile['identity']): string {
  const token = 'access token (JWT, RS256, 15-minute lifetime)';
  if (!identity)
    return 'OAuth 2.0 authorization-code flow with PKCE for the web client; the gateway validates the JWT access token (RS256, 15-minute lifetime) on every call.';
  const provider = identity.provider ?? 'the company identity provider';
  if (identity.protocol === 'SAML 2.0') {
    return `Single sign-on through ${provider} over SAML 2.0: the auth service verifies the signed assertion (audience-restricted, 5-minute validity) and exchanges it for an OAuth 2.0 ${token}; the gateway validates that token on every call.`;
  }
  return `${identity.protocol ?? 'OpenID Connect'} authorization-code flow with PKCE against ${provider} for the web client; the gateway validates the ${provider}-issued ${token}, checking issuer and audience against its published keys, on every call.`;
}
