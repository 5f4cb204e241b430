import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { REVIEWER_ROLES, type Identity } from './identity';

const reviewersFile = z.object({
  reviewers: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        role: z.enum(REVIEWER_ROLES).default('reviewer'),
        tokenSha256: z.string().regex(/^[0-9a-f]{64}$/, 'tokenSha256 must be the hex sha256 of the token (sha256sum)'),
      }),
    )
    .min(1),
});

export const SERVICE_IDENTITY_NAME = 'service';

interface Entry {
  name: string;
  role: Identity['role'];
  digest: Buffer;
}

/** Who may call the API and decide: the reviewers file plus SPECFORGE_API_TOKEN as an admin service token. */
export class ReviewerDirectory {
  private readonly entries: Entry[];

  constructor(reviewers: { name: string; role: Identity['role']; tokenSha256: string }[], serviceToken?: string) {
    this.entries = reviewers.map((reviewer) => ({
      name: reviewer.name,
      role: reviewer.role,
      digest: Buffer.from(reviewer.tokenSha256, 'hex'),
    }));
    if (serviceToken) this.entries.push({ name: SERVICE_IDENTITY_NAME, role: 'admin', digest: digestOf(serviceToken) });
  }

  /** Compares the token's digest with every entry in constant time, so timing tells nothing of which one matched. */
  identify(token: string): Omit<Identity, 'via'> | undefined {
    const digest = digestOf(token);
    let found: Entry | undefined;
    for (const entry of this.entries) if (timingSafeEqual(entry.digest, digest) && !found) found = entry;
    return found && { name: found.name, role: found.role };
  }
}

function digestOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Reads SPECFORGE_REVIEWERS_FILE (YAML or JSON); undefined when neither it nor a service token is configured. */
export async function loadReviewerDirectory(
  file: string | undefined,
  serviceToken: string | undefined,
): Promise<ReviewerDirectory | undefined> {
  if (!file) return serviceToken ? new ReviewerDirectory([], serviceToken) : undefined;
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new Error(`SPECFORGE_REVIEWERS_FILE: cannot read ${file}: ${error.message}`);
  });
  const parsed = reviewersFile.safeParse(parse(text));
  if (!parsed.success) {
    throw new Error(
      `SPECFORGE_REVIEWERS_FILE (${file}): ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return new ReviewerDirectory(parsed.data.reviewers, serviceToken);
}
