# Harness root for `terraform test`: the runs in *.tftest.hcl plan ../environments/* with a mock
# aws provider, so the checks need neither credentials nor network.
terraform {
  required_version = ">= 1.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.60, < 6.0"
    }
  }
}
