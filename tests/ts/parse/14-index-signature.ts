class Dict { [key: string]: number; size = 0; }
