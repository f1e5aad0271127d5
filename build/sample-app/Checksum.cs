namespace SampleApp
{
    public static class Checksum
    {
        // Unsafe code nobody justified.
        public static int Of(byte[] data)
        {
            int sum = 0;
            unsafe
            {
                fixed (byte* start = data)
                {
                    for (byte* p = start; p < start + data.Length; p++)
                    {
                        sum += *p;
                    }
                }
            }

            return sum;
        }

        // The justified way, for contrast.
        public static int First(byte[] data)
        {
            if (data.Length == 0)
            {
                return 0;
            }

            // SAFETY: data is not empty (checked above), so reading one byte at its start stays inside the array.
            unsafe
            {
                fixed (byte* start = data)
                {
                    return *start;
                }
            }
        }
    }
}
