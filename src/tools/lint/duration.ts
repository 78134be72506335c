// Durations in lint's messages: "5 min", "1 h 30 min", "90 s". (Parsing is the artifact model's.)

export function formatSeconds(seconds: number): string {
  if (seconds >= 3600 && seconds % 60 === 0) {
    const hours = Math.floor(seconds / 3600);
    const minutes = (seconds % 3600) / 60;
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
