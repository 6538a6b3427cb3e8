"""The family and case domain: Qt-free, immutable values, importing no other genorisk package."""
