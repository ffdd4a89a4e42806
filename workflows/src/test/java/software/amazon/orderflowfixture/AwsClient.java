package software.amazon.orderflowfixture;

/** Stands in for an AWS SDK type, so the determinism rules can be shown to catch a dependency. */
public class AwsClient {}
