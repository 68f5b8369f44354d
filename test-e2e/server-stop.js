module.exports = async () => {
  const pid = Number(process.env.E2E_SERVER_PID);
  if (pid) {
    try {
      process.kill(-pid);
    } catch {
      try { process.kill(pid); } catch { /* already gone */ }
    }
  }
};
