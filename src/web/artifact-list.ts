import path from 'node:path';
import { draftPackFiles } from '../review/draft-pack';
import { READABLE_EXTENSIONS } from './pack-file';
import type { ArtifactLink } from './sections/artifact-links';
import type { RunStatus } from './spec-page-data';

/** The run's files, the ones written, then the draft pack's while the run is open: raw from the API, and as a page where one can be shown. */
export function artifactLinksOf(status: RunStatus): ArtifactLink[] {
  const id = encodeURIComponent(status.id);
  const link = (file: string) => ({
    file,
    href: `/v1/specs/${id}/artifacts/${encodeURIComponent(file)}`,
    ...(READABLE_EXTENSIONS.includes(path.extname(file))
      ? { readHref: `/specs/${id}/files/${encodeURIComponent(file)}` }
      : {}),
  });
  return [
    ...status.artifacts.map((artifact) => ({ ...link(artifact.file), bytes: artifact.bytes })),
    ...(status.temporalStatus === 'RUNNING'
      ? draftPackFiles(status).map((entry) => ({ ...link(entry.file), draft: true }))
      : []),
  ];
}
