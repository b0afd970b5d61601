// Which year's work a day is most likely about: the default year of 卷宗导出 and of a new 考评.

/**
 * In January and February the year just ended — its 卷宗 is handed in and its 考评 made then; from March, this year.
 * `today` is a China date (YYYY-MM-DD).
 */
export function closingYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) <= 2 ? year - 1 : year;
}
