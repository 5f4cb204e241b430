import type { Recognisable } from './find-mention';

export interface MessageBroker extends Recognisable {
  id: string;
  /** The component's name in the architecture. */
  name: string;
  technology: string;
  protocol: string;
  /** How the worker reads it. */
  consumer: string;
  /** The backlog signal a rollout watches. */
  lagSignal: string;
  /** What integration tests run in its place when it exists only as a managed service. */
  emulator?: string;
}

/** The brokers and queues teams commonly run. */
export const MESSAGE_BROKERS: readonly MessageBroker[] = [
  {
    id: 'kafka',
    pattern: /\bkafka\b|\bconfluent\b/i,
    name: 'Kafka topic',
    technology: 'Apache Kafka',
    protocol: 'Kafka protocol/TLS',
    consumer: 'Kafka consumer group',
    lagSignal: 'Kafka consumer-group lag',
  },
  {
    id: 'msk',
    pattern: /\bmsk\b/i,
    name: 'Kafka topic',
    technology: 'Amazon MSK (Apache Kafka)',
    protocol: 'Kafka protocol/TLS',
    consumer: 'Kafka consumer group',
    lagSignal: 'Kafka consumer-group lag',
  },
  {
    id: 'redpanda',
    pattern: /\bredpanda\b/i,
    name: 'Redpanda topic',
    technology: 'Redpanda (Kafka API)',
    protocol: 'Kafka protocol/TLS',
    consumer: 'Kafka consumer group',
    lagSignal: 'Consumer-group lag',
  },
  {
    id: 'rabbitmq',
    pattern: /\brabbit(?:mq)?\b|\bamqp\b/i,
    name: 'RabbitMQ queue',
    technology: 'RabbitMQ (quorum queues)',
    protocol: 'AMQP 0-9-1/TLS',
    consumer: 'RabbitMQ consumer with manual acks',
    lagSignal: 'RabbitMQ queue depth',
  },
  {
    id: 'activemq',
    pattern: /\bactivemq\b|\bartemis\b|\bamazon mq\b/i,
    name: 'ActiveMQ queue',
    technology: 'ActiveMQ Artemis',
    protocol: 'AMQP 1.0/TLS',
    consumer: 'JMS consumer with client acknowledgement',
    lagSignal: 'ActiveMQ queue depth',
  },
  {
    id: 'sns',
    pattern: /\bsns\b/i,
    name: 'SNS topic and SQS queue',
    technology: 'Amazon SNS topic fanned out to an SQS queue',
    protocol: 'HTTPS (SNS and SQS APIs)',
    consumer: 'SQS long-polling consumer',
    lagSignal: 'SQS ApproximateAgeOfOldestMessage',
    emulator: 'LocalStack',
  },
  {
    id: 'sqs',
    pattern: /\bsqs\b/i,
    name: 'SQS queue',
    technology: 'Amazon SQS',
    protocol: 'HTTPS (SQS API)',
    consumer: 'SQS long-polling consumer',
    lagSignal: 'SQS ApproximateAgeOfOldestMessage',
    emulator: 'LocalStack',
  },
  {
    id: 'kinesis',
    pattern: /\bkinesis\b/i,
    name: 'Kinesis stream',
    technology: 'Amazon Kinesis Data Streams',
    protocol: 'HTTPS (Kinesis API)',
    consumer: 'Kinesis consumer (KCL)',
    lagSignal: 'Kinesis GetRecords.IteratorAgeMilliseconds',
    emulator: 'LocalStack',
  },
  {
    id: 'pubsub',
    pattern: /\bpub\/sub\b|\bpubsub\b/i,
    name: 'Pub/Sub topic',
    technology: 'Google Cloud Pub/Sub',
    protocol: 'gRPC (Pub/Sub API)',
    consumer: 'Pub/Sub subscription, streaming pull',
    lagSignal: 'Pub/Sub oldest unacked message age',
    emulator: 'the Pub/Sub emulator',
  },
  {
    id: 'nats',
    pattern: /\bnats\b|\bjetstream\b/i,
    name: 'NATS stream',
    technology: 'NATS JetStream',
    protocol: 'NATS/TLS',
    consumer: 'JetStream durable pull consumer',
    lagSignal: 'JetStream consumer pending messages',
  },
  {
    id: 'servicebus',
    pattern: /\bservice ?bus\b/i,
    name: 'Service Bus topic',
    technology: 'Azure Service Bus',
    protocol: 'AMQP 1.0/TLS',
    consumer: 'Service Bus subscription, peek-lock',
    lagSignal: 'Service Bus active message count',
    emulator: 'the Service Bus emulator',
  },
  {
    id: 'eventhubs',
    pattern: /\bevent ?hubs?\b/i,
    name: 'Event Hubs stream',
    technology: 'Azure Event Hubs',
    protocol: 'AMQP 1.0/TLS',
    consumer: 'Event Hubs consumer group with checkpoints',
    lagSignal: 'Event Hubs consumer lag',
    emulator: 'the Event Hubs emulator',
  },
  {
    id: 'pulsar',
    pattern: /\bpulsar\b/i,
    name: 'Pulsar topic',
    technology: 'Apache Pulsar',
    protocol: 'Pulsar binary protocol/TLS',
    consumer: 'Pulsar shared subscription',
    lagSignal: 'Pulsar subscription backlog',
  },
];

/** What a pack says when the context names no broker: today's neutral default. */
export const DEFAULT_MESSAGE_BROKER: MessageBroker = {
  id: 'default',
  pattern: /$^/,
  name: 'Event queue',
  technology: 'Managed message queue',
  protocol: 'AMQP',
  consumer: 'Queue consumer',
  lagSignal: 'Queue depth',
};
