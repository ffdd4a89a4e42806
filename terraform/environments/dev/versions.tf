terraform {
  required_version = ">= 1.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.60, < 6.0"
    }
  }

  # Partial configuration: bucket, key, region and lock table come from `-backend-config`
  # (see docs/deployment.md), so no account-specific name is committed here.
  backend "s3" {}
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { managed-by = "terraform" }
  }
}

# Always configured so modules can take it; nothing uses it while dr_region is null.
provider "aws" {
  alias  = "dr"
  region = coalesce(var.dr_region, var.region)
  default_tags {
    tags = { managed-by = "terraform" }
  }
}
