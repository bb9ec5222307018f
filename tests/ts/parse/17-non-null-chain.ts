const el = obj!.a!.b![0]!;
