package io.orderflow.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.TableNames;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A store on fresh tables of the test dynalite, for one test class. */
public final class StoreFixture implements AutoCloseable {
  public final DynamoDbClient dynamo = LocalAws.endpoints().dynamoDbClient();
  public final TableNames tables = LocalAws.freshTables();
  public final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  public StoreFixture() {
    new TableBootstrap(dynamo).createMissing(tables);
  }

  public DynamoDbEventStore store(Clock clock) {
    return new DynamoDbEventStore(dynamo, tables, new EventCodec(), clock, meters);
  }

  public DynamoDbEventStore store() {
    return store(Clock.systemUTC());
  }

  @Override
  public void close() {
    dynamo.close();
  }
}
