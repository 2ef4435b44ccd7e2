import { describeBrokeredIngest } from './brokered-ingest.case.js';
import { nats } from './nats-test-broker.js';
import { rabbitmq } from './rabbitmq-test-broker.js';

for (const broker of [rabbitmq, nats]) describeBrokeredIngest(broker, await broker.unreachable());
