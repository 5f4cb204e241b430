import type { Requirements } from '../phases/requirements/schema';
import { withArticle } from '../../shared/text';

type UserStory = Requirements['userStories'][number];

/** "As an administrator, I want to see every change, so that I can answer who changed what." */
export function userStorySentence(story: Pick<UserStory, 'asA' | 'iWant' | 'soThat'>): string {
  const actor = story.asA.trim().replace(/^(?:an?|the)\s+/i, '');
  return `As ${withArticle(actor)}, I want ${story.iWant.trim()}, so that ${story.soThat.trim().replace(/[.]+$/, '')}`;
}
