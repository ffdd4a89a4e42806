package io.orderflow.rebuild;

import io.orderflow.projection.ReadModel;
import io.orderflow.recovery.rebuild.SegmentRebuilt;
import io.orderflow.recovery.rebuild.SegmentRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Folds every order of one parallel-scan segment into a generation, a page at a time. A scan
 * returns one order's commits together, oldest first, so most orders fold from the page that holds
 * them; an order cut by a page boundary is read whole with a query instead, when the page that ends
 * in it is done, and skipped where the next page goes on with it. That keeps nothing in memory
 * across pages, so the checkpoint after a page (its last evaluated key) is a complete one: a retry
 * goes on from there.
 */
final class SegmentFold {
  private final DynamoDbClient dynamo;
  private final OrderStreams streams;
  private final int pageLimit;

  /**
   * @param pageLimit items per scan page; 0 for DynamoDB's own (1 MB)
   */
  SegmentFold(DynamoDbClient dynamo, OrderStreams streams, int pageLimit) {
    this.dynamo = dynamo;
    this.streams = streams;
    this.pageLimit = pageLimit;
  }

  SegmentRebuilt run(
      ReadModel model, SegmentRequest request, ScanCheckpoint from, Consumer<ScanCheckpoint> beat) {
    RowBatches rows = new RowBatches(dynamo, request.table());
    Tally tally = new Tally(from);
    String lastOrderId = from.lastOrderId();
    Map<String, AttributeValue> start = from.startKey();
    do {
      ScanRequest.Builder scan =
          ScanRequest.builder()
              .tableName(request.eventsTable())
              .segment(request.segment())
              .totalSegments(request.totalSegments())
              .projectionExpression(CommitEvents.PROJECTION)
              .expressionAttributeNames(CommitEvents.NAMES)
              .consistentRead(true);
      if (pageLimit > 0) {
        scan.limit(pageLimit);
      }
      if (start != null) {
        scan.exclusiveStartKey(start);
      }
      ScanResponse page = dynamo.scan(scan.build());
      boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
      List<Map<String, AttributeValue>> items = page.items();
      for (int i = 0; i < items.size(); ) {
        String orderId = items.get(i).get("orderId").s();
        int end = i;
        List<CommitEvents> commits = new ArrayList<>();
        while (end < items.size() && items.get(end).get("orderId").s().equals(orderId)) {
          commits.add(CommitEvents.of(items.get(end++)));
        }
        tally.read(commits);
        boolean goesOn = i == 0 && orderId.equals(lastOrderId);
        boolean cut = end == items.size() && more;
        if (!goesOn) {
          // the previous page's last order was read whole already; any later commit of it was
          // appended after the rebuild began, which the catch-up folds
          tally.fold(model, rows, orderId, cut ? whole(request, orderId, commits) : commits);
        }
        i = end;
      }
      rows.flush();
      if (!items.isEmpty()) {
        Map<String, AttributeValue> last = items.get(items.size() - 1);
        lastOrderId = last.get("orderId").s();
        beat.accept(tally.checkpoint(lastOrderId, Long.parseLong(last.get("version").n())));
      }
      start = more ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return tally.result(request.segment(), from.started() ? from.commits() : 0);
  }

  private List<CommitEvents> whole(
      SegmentRequest request, String orderId, List<CommitEvents> onThisPage) {
    List<CommitEvents> commits = streams.read(request.eventsTable(), orderId);
    return commits.isEmpty() ? onThisPage : commits;
  }

  /** The counts of one segment, carried over from the checkpoint it resumed from. */
  private final class Tally {
    long commits;
    long events;
    long orders;
    long written;
    long unfoldable;
    final List<String> problems;

    Tally(ScanCheckpoint from) {
      commits = from.commits();
      events = from.events();
      orders = from.orders();
      written = from.rows();
      unfoldable = from.unfoldable();
      problems = new ArrayList<>(from.problems());
    }

    void read(List<CommitEvents> commits) {
      this.commits += commits.size();
      for (CommitEvents commit : commits) {
        events += commit.events().size();
      }
    }

    void fold(ReadModel model, RowBatches rows, String orderId, List<CommitEvents> commits) {
      OrderStreams.Folded folded = streams.fold(orderId, commits);
      orders++;
      if (folded.order() == null) {
        unfoldable++;
        if (problems.size() < SegmentRebuilt.MAX_LISTED) {
          problems.add(folded.problem());
        }
        return;
      }
      var row = model.row(folded.order());
      if (row.isPresent()) {
        rows.add(row.get());
        written++;
      }
    }

    ScanCheckpoint checkpoint(String lastOrderId, long lastVersion) {
      return new ScanCheckpoint(
          lastOrderId, lastVersion, commits, events, orders, written, unfoldable, problems);
    }

    SegmentRebuilt result(int segment, long resumedAfter) {
      return new SegmentRebuilt(
          segment,
          commits,
          events,
          orders,
          written,
          resumedAfter,
          unfoldable,
          List.copyOf(problems));
    }
  }
}
