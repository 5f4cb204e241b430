import type { Recognisable } from './find-mention';

export interface Cloud extends Recognisable {
  id: string;
  name: string;
  keyService: string;
  monitoring: string;
  /** The commitment discount a cost plan names. */
  commitment: string;
}

/** The clouds teams commonly run on; their managed services name them too. */
export const CLOUDS: readonly Cloud[] = [
  {
    id: 'aws',
    pattern:
      /\baws\b|\bamazon web services\b|\beks\b|\becs\b|\bfargate\b|\bec2\b|\blambda\b|\bdynamo(?:db)?\b|\bsqs\b|\bsns\b|\bkinesis\b|\baurora\b|\brds\b|\bmsk\b|\bkeyspaces\b/i,
    name: 'AWS',
    keyService: 'AWS KMS',
    monitoring: 'Amazon CloudWatch',
    commitment: 'Compute Savings Plans and reserved database instances on AWS (1-year)',
  },
  {
    id: 'gcp',
    pattern: /\bgcp\b|\bgoogle cloud\b|\bgke\b|\bcloud run\b|\bcloud sql\b|\bpub\/sub\b|\bspanner\b|\bmemorystore\b/i,
    name: 'Google Cloud',
    keyService: 'Cloud KMS',
    monitoring: 'Google Cloud Monitoring',
    commitment: 'Committed use discounts on Google Cloud for the database and services (1-year)',
  },
  {
    id: 'azure',
    pattern: /\bazure\b(?!\s+(?:ad|active directory)\b)|\baks\b|\bservice ?bus\b|\bevent ?hubs?\b|\bcosmos ?db\b/i,
    name: 'Azure',
    keyService: 'Azure Key Vault',
    monitoring: 'Azure Monitor',
    commitment: 'Azure reservations for the database and services (1-year)',
  },
];

export interface Platform extends Recognisable {
  id: string;
  name: string;
  /** How the services run and scale there. */
  deployment: string;
  /** The rollback step that undoes a release on this platform. */
  rollback: string;
}

/** Where the services run, when the context says. */
export const PLATFORMS: readonly Platform[] = [
  {
    id: 'kubernetes',
    pattern: /\bkubernetes\b|\bk8s\b|\beks\b|\bgke\b|\baks\b|\bopenshift\b/i,
    name: 'Kubernetes',
    deployment: 'on Kubernetes (a Deployment with a HorizontalPodAutoscaler)',
    rollback:
      'If the kill switch is not enough, roll the Deployment back to its previous ReplicaSet (kubectl rollout undo)',
  },
  {
    id: 'ecs',
    pattern: /\becs\b|\bfargate\b/i,
    name: 'Amazon ECS',
    deployment: 'on Amazon ECS (Fargate tasks with service auto scaling)',
    rollback: 'If the kill switch is not enough, roll the ECS service back to its previous task definition',
  },
  {
    id: 'cloud-run',
    pattern: /\bcloud run\b/i,
    name: 'Cloud Run',
    deployment: 'on Cloud Run (revisions scale on concurrency)',
    rollback: 'If the kill switch is not enough, send 100% of traffic back to the previous Cloud Run revision',
  },
  {
    id: 'lambda',
    pattern: /\blambda\b|\bserverless\b/i,
    name: 'AWS Lambda',
    deployment: 'on AWS Lambda (functions behind API Gateway, concurrency limits set)',
    rollback: 'If the kill switch is not enough, point the Lambda alias back at the previous version',
  },
  {
    id: 'app-service',
    pattern: /\bapp service\b/i,
    name: 'Azure App Service',
    deployment: 'on Azure App Service (autoscale rules on CPU)',
    rollback: 'If the kill switch is not enough, swap the staging and production slots back',
  },
  {
    id: 'nomad',
    pattern: /\bnomad\b/i,
    name: 'Nomad',
    deployment: 'on Nomad (a service job with autoscaling)',
    rollback: 'If the kill switch is not enough, revert the Nomad job to its previous version (nomad job revert)',
  },
];
