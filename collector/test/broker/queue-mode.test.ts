import { nats } from './nats-test-broker.js';
import { describeQueueMode } from './queue-mode.case.js';
import { rabbitmq } from './rabbitmq-test-broker.js';

for (const broker of [rabbitmq, nats]) describeQueueMode(broker, await broker.unreachable());
